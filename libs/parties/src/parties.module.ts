import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ApiToken } from './entities/api-token.entity';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { PrincipalCacheService } from './principal-cache/principal-cache.service';
import { TokensService } from './tokens.service';
import { ListTokensService } from './use-cases/list-tokens.service';
import { UpdateOrganizationService } from './use-cases/update-organization.service';
import { ResolveSignedInPersonService } from './use-cases/resolve-signed-in-person.service';
import { UpdateUserService } from './use-cases/update-user.service';
import { UsersService } from './users.service';
import { Session } from './entities/session.entity';
import { SessionsService } from './sessions/sessions.service';
import { SignInLink } from './sign-in-links/sign-in-link.entity';
import { SignInLinks } from './sign-in-links/sign-in-links.service';
import { SignInChoice } from './sign-in-choices/sign-in-choice.entity';
import { SignInChoices } from './sign-in-choices/sign-in-choices.service';

const SERVICES = [
  OrganizationsService,
  PrincipalCacheService,
  UsersService,
  TokensService,
  ListTokensService,
  UpdateOrganizationService,
  UpdateUserService,
  ResolveSignedInPersonService,
  SessionsService,
  SignInLinks,
  SignInChoices,
];

/** Organizations, users and tokens: who is calling, and on whose behalf; every change audited. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Organization, User, ApiToken, Session, SignInLink, SignInChoice]),
    AuditModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class PartiesModule {}
