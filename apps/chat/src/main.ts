import { runService } from '@confer/shared/server/platform';
import { AppModule } from './app/app.module';
import { chatEnv } from './app/chat.env';
import { registerUploadBodyParser } from './app/files/upload-body-parser';
import { chatMigrations } from './migrations';

void runService({
  service: 'chat',
  title: 'Confer chat: meeting chat and messages',
  env: chatEnv,
  entities: [],
  migrations: chatMigrations,
  appModule: (context) => AppModule.register(context),
  configureFastify: (fastify) => registerUploadBodyParser(fastify),
});
