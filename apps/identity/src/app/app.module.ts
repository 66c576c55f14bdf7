import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type ServiceContext } from '@confer/shared/server/platform';
import type { IdentityConfig } from './identity.env';

@Module({})
export class AppModule {
  static register(context: ServiceContext<IdentityConfig>): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(context)] };
  }
}
