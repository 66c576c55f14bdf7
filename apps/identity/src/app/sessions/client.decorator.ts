import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { describeDevice, type ClientInfo } from './client-info';

/** The caller's IP (behind the edge, from X-Forwarded-For of a loopback proxy) and a short device name. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { ip: request.ip, device: describeDevice(request.headers['user-agent']) };
});
