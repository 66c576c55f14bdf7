import { runService } from '@confer/shared/server/platform';
import { AppModule } from './app/app.module';
import { meetingsEnv } from './app/meetings.env';
import { meetingsMigrations } from './migrations';

void runService({
  service: 'meetings',
  title: 'Confer meetings: scheduling, rooms and LiveKit',
  env: meetingsEnv,
  entities: [],
  migrations: meetingsMigrations,
  appModule: (context) => AppModule.register(context),
});
