import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `page` and `pageSize` of a paged list (at most 100 a page). */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** A list paged by number or, cheaper deep into it, by the cursor its previous page returned. */
export class CursorPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor halaman sebelumnya (page diabaikan) / the previous page’s nextCursor (page is then ignored)' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** What a cursor-paged list adds to its page. */
export class CursorPageFieldsDto {
  @ApiProperty({ description: 'Dihitung sampai 10.000 / counted up to 10,000' }) total!: number;
  @ApiProperty({ description: 'true: ada lebih dari total / there are more than total' }) totalCapped!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Kursor halaman berikutnya, null di halaman terakhir / the next page’s cursor, null on the last page',
  })
  nextCursor!: string | null;
}
