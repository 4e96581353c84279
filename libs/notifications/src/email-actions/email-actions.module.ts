import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization, PartiesModule, User } from '@app/parties';
import { Request, RequestsModule } from '@app/requests';
import { EmailActionLink } from './email-action-link.entity';
import { EmailActionLinks } from './email-action-links.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([EmailActionLink, User, Organization, Request]),
    PartiesModule,
    RequestsModule,
  ],
  providers: [EmailActionLinks],
  exports: [EmailActionLinks],
})
export class EmailActionsModule {}
