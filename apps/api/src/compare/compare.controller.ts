import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/access-policy.decorators';
import { CallerAccess } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { CompareQuery } from './compare.query';
import { CompareResponse } from './compare.response';
import { RunComparison } from './run-comparison';

@ApiTags('simulations')
@Controller()
export class CompareController {
  constructor(private readonly comparison: RunComparison) {}

  @Get('compare')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'Compare runs side by side',
    description:
      'Up to 100 runs: their params (which differ, which every run shares), tags and metric ' +
      'summaries, and one metric of each sampled to the same number of points (the last value ' +
      'of each bucket, on a log scale by default) for an overlay chart. An id that does not ' +
      'exist is a 404 naming it.',
  })
  @ApiOkResponse({ type: CompareResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  compare(
    @Query() query: CompareQuery,
    @CallerAccess() access: ProjectAccess,
  ): Promise<CompareResponse> {
    return this.comparison.compare(query, access.visibility);
  }
}
