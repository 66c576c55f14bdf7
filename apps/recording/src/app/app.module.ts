import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { holdsNoPersonalData, PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import type { RecordingConfig } from './recording.env';

@Module({})
export class AppModule {
  static register(context: ServiceContext<RecordingConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(context, { personalData: holdsNoPersonalData }), AuthModule.forService(context)] };
  }
}
