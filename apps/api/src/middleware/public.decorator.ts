import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'jalin:isPublic';

/** A route anyone may call without logging in (health, login, API documentation). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
