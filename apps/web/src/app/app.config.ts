import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { provideConferAuth } from '@confer/web/auth';
import { provideConferCore } from '@confer/web/core';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [provideBrowserGlobalErrorListeners(), provideConferCore(), provideConferAuth(), provideRouter(appRoutes)],
};
