import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@confer/shared/server/auth';
import { holdsNoPersonalData, PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import type { AnalyticsConfig } from './analytics.env';

@Module({})
export class AppModule {
  static register(context: ServiceContext<AnalyticsConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(context, { personalData: holdsNoPersonalData }), AuthModule.forService(context)] };
  }
}
