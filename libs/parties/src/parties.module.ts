import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiToken } from './entities/api-token.entity';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { TokensService } from './tokens.service';
import { UsersService } from './users.service';

/** Organizations, users and tokens: who is calling, and on whose behalf. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, ApiToken])],
  providers: [OrganizationsService, UsersService, TokensService],
  exports: [OrganizationsService, UsersService, TokensService],
})
export class PartiesModule {}
