import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@confer/shared/server/auth';
import { HealthService, type ServiceHealthReport } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Readiness: 200 when the database and Redis answer, 503 otherwise; the body says which is down. */
  @Get()
  @ApiOkResponse({ description: 'Live and ready' })
  @ApiServiceUnavailableResponse({ description: 'Live, but the database or Redis does not answer' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ServiceHealthReport> {
    const report = await this.health.report();
    reply.status(report.ready ? 200 : 503);
    reply.header('cache-control', 'no-store');
    return report;
  }

  /** Liveness: the process answers. Orchestrators restart on this, not on readiness. */
  @Get('live')
  @ApiOkResponse({ description: 'The process is running' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
