import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import {
  PlanRevisionResponseDto,
  RevisionDiffQueryDto,
  RevisionDiffResponseDto,
  toPlanRevisionResponse,
  toRevisionDiffResponse,
} from '../dtos/plan-revision.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { PlanRevisionService } from '../services/plan-revision.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('revisions')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such plan (or one the caller may not see), or no such submitted revision' })
@Controller('plans/:id/revisions')
export class PlanRevisionsController {
  constructor(private readonly service: PlanRevisionService) {}

  @Get()
  @ApiOperation({ operationId: 'listPlanRevisions', summary: 'List a plan’s submitted revisions' })
  @ApiOkResponse({ type: [PlanRevisionResponseDto], description: 'Submitted revisions, first first' })
  async list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PlanRevisionResponseDto[]> {
    return (await this.service.list(auth, id)).map(toPlanRevisionResponse);
  }

  @Get('diff')
  @ApiOperation({
    operationId: 'diffPlanRevisions',
    summary: 'Compare two submitted revisions',
    description: 'Perubahan isi rencana antara dua revisi yang diajukan, per isian.',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'from and to must be whole numbers with from < to' })
  @ApiOkResponse({ type: RevisionDiffResponseDto })
  async diff(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Query() query: RevisionDiffQueryDto): Promise<RevisionDiffResponseDto> {
    return toRevisionDiffResponse(await this.service.diff(auth, id, query.from, query.to));
  }
}
