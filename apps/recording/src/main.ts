import { runService } from '@confer/shared/server/platform';
import { AppModule } from './app/app.module';
import { recordingEnv } from './app/recording.env';
import { recordingMigrations } from './migrations';

void runService({
  service: 'recording',
  title: 'Confer recording: recordings and storage',
  env: recordingEnv,
  entities: [],
  migrations: recordingMigrations,
  appModule: (context) => AppModule.register(context),
});
