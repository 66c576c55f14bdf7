import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import type { ChatConfig } from './chat.env';

@Module({})
export class AppModule {
  static register(context: ServiceContext<ChatConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(context), AuthModule.forService(context)] };
  }
}
