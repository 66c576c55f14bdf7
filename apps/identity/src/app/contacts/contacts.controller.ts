import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contact, Page } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { ContactParams, ContactsQuery, UpdateContactDto } from './contacts.dto';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  /** Favourites first, then by name. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ContactsQuery): Promise<Page<Contact>> {
    return this.contacts.list(user.id, { cursor: query.cursor, limit: query.limit ?? 50 });
  }

  @Put(':userId')
  add(@CurrentUser() user: AuthUser, @Param() params: ContactParams): Promise<Contact> {
    return this.contacts.add(user.id, params.userId);
  }

  @Patch(':userId')
  update(@CurrentUser() user: AuthUser, @Param() params: ContactParams, @Body() body: UpdateContactDto): Promise<Contact> {
    return this.contacts.setFavourite(user.id, params.userId, body.favourite);
  }

  @Delete(':userId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param() params: ContactParams): Promise<void> {
    return this.contacts.remove(user.id, params.userId);
  }
}
