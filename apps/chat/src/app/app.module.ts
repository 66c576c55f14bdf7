import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { holdsNoPersonalData, PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import type { ChatConfig } from './chat.env';

@Module({})
export class AppModule {
  static register(context: ServiceContext<ChatConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(context, { personalData: holdsNoPersonalData }), AuthModule.forService(context)] };
  }
}
