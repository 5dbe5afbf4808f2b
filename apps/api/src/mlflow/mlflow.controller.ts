import { Role } from '@app/auth';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { RequireRole } from '../auth/access-policy.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { MlflowBudgets } from '../common/rate-limit/strict-token-limit.decorator';
import { MlflowError } from './mlflow-error';
import { inputOf } from './mlflow-request';
import { MlflowTracking } from './mlflow-tracking';

/**
 * MLflow's tracking REST API, the subset its client uses to log and read
 * runs (docs/mlflow.md): its paths, methods, JSON and errors, so a script
 * written for MLflow points here by its tracking URI alone. MLflow's protocol
 * is its own document (mlflow/protos/service.proto), so these routes are left
 * out of ours. Every success is a 200 with a JSON object, as its client
 * requires; every error is in its shape (ApiExceptionFilter); the bearer
 * token is MLFLOW_TRACKING_TOKEN.
 */
@ApiExcludeController()
@MlflowBudgets()
@Controller('api/2.0/mlflow')
export class MlflowController {
  constructor(private readonly tracking: MlflowTracking) {}

  @Post('experiments/create')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  createExperiment(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.createExperiment(jsonOf(body, request), user);
  }

  @Get('experiments/get')
  @RequireRole(Role.Viewer)
  getExperiment(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.getExperiment(inputOf(query), user);
  }

  @Get('experiments/get-by-name')
  @RequireRole(Role.Viewer)
  getExperimentByName(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.getExperimentByName(inputOf(query), user);
  }

  @Post('experiments/search')
  @RequireRole(Role.Viewer)
  @HttpCode(HttpStatus.OK)
  searchExperiments(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.searchExperiments(jsonOf(body, request), user);
  }

  @Get('experiments/search')
  @RequireRole(Role.Viewer)
  searchExperimentsByQuery(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.searchExperiments(inputOf(query), user);
  }

  @Post('runs/create')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  createRun(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.createRun(jsonOf(body, request), user);
  }

  @Get('runs/get')
  @RequireRole(Role.Viewer)
  getRun(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.getRun(inputOf(query), user);
  }

  @Post('runs/update')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  updateRun(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.updateRun(jsonOf(body, request), user);
  }

  @Post('runs/search')
  @RequireRole(Role.Viewer)
  @HttpCode(HttpStatus.OK)
  searchRuns(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.searchRuns(jsonOf(body, request), user);
  }

  @Post('runs/log-batch')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  logBatch(@Body() body: unknown, @Req() request: Request, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.logBatch(jsonOf(body, request), user);
  }

  @Post('runs/log-metric')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  logMetric(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.logMetric(jsonOf(body, request), user);
  }

  @Post('runs/log-parameter')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  logParam(@Body() body: unknown, @Req() request: Request, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.logParam(jsonOf(body, request), user);
  }

  @Post('runs/set-tag')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  setTag(@Body() body: unknown, @Req() request: Request, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.setTag(jsonOf(body, request), user);
  }

  @Post('runs/delete-tag')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  deleteTag(
    @Body() body: unknown,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.tracking.deleteTag(jsonOf(body, request), user);
  }

  @Get('metrics/get-history')
  @RequireRole(Role.Viewer)
  metricHistory(@Query() query: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.tracking.metricHistory(inputOf(query), user);
  }
}

/** A POST's body, which MLflow's server takes as JSON only (mlflow/server/validation.py). */
function jsonOf(body: unknown, request: Request): ReturnType<typeof inputOf> {
  const type = request.headers['content-type'];
  if (!request.is('application/json'))
    throw new MlflowError(
      'BAD_REQUEST',
      `Bad Request. Content-Type must be one of [application/json]. Got '${type ?? ''}'.`,
      HttpStatus.BAD_REQUEST,
    );
  return inputOf(body);
}
