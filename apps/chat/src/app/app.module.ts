import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import { ChatModule } from './chat.module';
import type { ChatConfig } from './chat.env';
import { CHAT_CONFIG } from './chat.tokens';
import { FileStorage } from './files/file-storage';
import { ChatPersonalData } from './privacy/chat-personal-data';

@Module({})
export class AppModule {
  static register(context: ServiceContext<ChatConfig>): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        PlatformModule.forService(context, { personalData: ChatPersonalData, subscribeTo: ['meetings'] }),
        AuthModule.forService(context),
        ChatModule,
      ],
      // FileStorage is global: the privacy holder (in the platform module) removes erased people's files.
      providers: [{ provide: CHAT_CONFIG, useValue: context.config }, FileStorage],
      exports: [CHAT_CONFIG, FileStorage],
    };
  }
}
