import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import { ChatAccessModule } from './chat-access/chat-access.module';
import { LiveKitModule } from './livekit/livekit.module';
import { MeetingsModule } from './meetings/meetings.module';
import type { MeetingsConfig } from './meetings.env';
import { MeetingsPersonalData } from './privacy/meetings-personal-data';
import { MEETINGS_CONFIG } from './meetings.tokens';

@Module({})
export class AppModule {
  static register(context: ServiceContext<MeetingsConfig>): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [PlatformModule.forService(context, { personalData: MeetingsPersonalData }), AuthModule.forService(context), LiveKitModule, MeetingsModule, ChatAccessModule],
      providers: [{ provide: MEETINGS_CONFIG, useValue: context.config }],
      exports: [MEETINGS_CONFIG],
    };
  }
}
