import { runService } from '@confer/shared/server/platform';
import { AppModule } from './app/app.module';
import { registerAvatarBodyParser } from './app/avatars/avatar-body-parser';
import { identityEnv } from './app/identity.env';
import { identityMigrations } from './migrations';

void runService({
  service: 'identity',
  title: 'Confer identity: accounts, sign-in and profiles',
  env: identityEnv,
  entities: [],
  migrations: identityMigrations,
  appModule: (context) => AppModule.register(context),
  configureFastify: (fastify) => registerAvatarBodyParser(fastify),
});
