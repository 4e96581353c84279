import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'raci:public';

/** Lets a controller or route answer without a bearer token (health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
