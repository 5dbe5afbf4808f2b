import { DomainError } from '@app/domain';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access-policy.decorators';
import { ErrorResponse } from '../common/error-response';
import { createHash } from 'node:crypto';
import { DashboardFile, DashboardFiles } from './dashboard-files';
import { FAVICON } from './favicon';

/** Asset names carry a content hash: a new build has new names, so browsers may keep these. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The page names the current assets, so browsers check it on every visit (cheap: a 304). */
const PAGE_CACHE = 'no-cache';
/** The icon changes with a release at most; a day is fresh enough. */
const ICON_CACHE = 'public, max-age=86400';
const FAVICON_FILE: DashboardFile = {
  body: FAVICON,
  contentType: 'image/x-icon',
  etag: `"${createHash('sha256').update(FAVICON).digest('base64url').slice(0, 22)}"`,
};

@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(private readonly files: DashboardFiles) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The web dashboard: simulations, live curves and machines, for browsers',
    description:
      'Sign in on the page with client credentials or a token. Its script and styles are under /assets.',
  })
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match).' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The dashboard was not built.' })
  page(@Req() request: Request, @Res() response: Response): void {
    const index = this.files.index;
    if (!index) {
      throw DomainError.notFound(
        `The dashboard is not built (no index.html in ${this.files.directory}): run npm run build`,
      );
    }
    send(request, response, index, PAGE_CACHE);
  }

  @Get('favicon.ico')
  @Public()
  @ApiOperation({ summary: "The site's icon, which browsers ask for on their own" })
  @ApiOkResponse({
    content: { 'image/x-icon': { schema: { type: 'string', format: 'binary', maxLength: 8192 } } },
  })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match).' })
  favicon(@Req() request: Request, @Res() response: Response): void {
    send(request, response, FAVICON_FILE, ICON_CACHE);
  }

  @Get('assets/:file')
  @Public()
  @ApiOperation({ summary: "The dashboard's scripts and styles" })
  @ApiParam({ name: 'file', schema: { type: 'string', maxLength: 255 } })
  @ApiOkResponse({
    content: {
      'text/javascript': { schema: { type: 'string' } },
      'text/css': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object', description: 'A source map.' } },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match).' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such file in the build.' })
  asset(@Param('file') name: string, @Req() request: Request, @Res() response: Response): void {
    const file = this.files.asset(name);
    // The name is not echoed: an answer should not repeat whatever a caller put in a URL.
    if (!file) throw DomainError.notFound("The dashboard's build has no such file");
    send(request, response, file, ASSET_CACHE);
  }
}

function send(request: Request, response: Response, file: DashboardFile, cache: string): void {
  response.setHeader('Cache-Control', cache);
  response.setHeader('ETag', file.etag);
  if (request.headers['if-none-match'] === file.etag) {
    response.status(304).end();
    return;
  }
  response.status(200).type(file.contentType).send(file.body);
}
