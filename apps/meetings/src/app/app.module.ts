import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import { LiveKitModule } from './livekit/livekit.module';
import type { MeetingsConfig } from './meetings.env';
import { MEETINGS_CONFIG } from './meetings.tokens';

@Module({})
export class AppModule {
  static register(context: ServiceContext<MeetingsConfig>): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [PlatformModule.forService(context), LiveKitModule],
      providers: [{ provide: MEETINGS_CONFIG, useValue: context.config }],
      exports: [MEETINGS_CONFIG],
    };
  }
}
