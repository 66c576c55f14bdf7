import { runService } from '@confer/shared/server/platform';
import { AppModule } from './app/app.module';
import { analyticsEnv } from './app/analytics.env';
import { analyticsMigrations } from './migrations';

void runService({
  service: 'analytics',
  title: 'Confer analytics: usage and meeting history',
  env: analyticsEnv,
  entities: [],
  migrations: analyticsMigrations,
  appModule: (context) => AppModule.register(context),
});
