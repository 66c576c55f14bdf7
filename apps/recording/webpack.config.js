// The build shared by every service. Build configuration, not code that ships: the relative path into
// the tools project is deliberate (nothing of it is bundled).
// eslint-disable-next-line @nx/enforce-module-boundaries
module.exports = require('../../tools/webpack/service.config')('recording');
