import { MachineRepository } from '@app/domain';
import { MachineQueues } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { Role } from '@app/auth';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** How stale the board's list of machine queues may be. */
const QUEUE_LIST_REFRESH_MS = 5_000;

/**
 * Bull Board at /admin/queues, for admins only: an admin bearer token, or the
 * session cookie that /admin/login sets for browsers. Others get 401/403 (a
 * browser without a session is sent to the login page). Every machine's queue
 * is shown, machines registered later included.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'AISimulation queues' } },
  });

  const queues = app.get(MachineQueues);
  const machines = app.get(MachineRepository);
  let listedAt = 0;
  const refreshQueues = async () => {
    if (Date.now() - listedAt < QUEUE_LIST_REFRESH_MS) return;
    listedAt = Date.now();
    const all = await machines.listAll();
    board.replaceQueues(
      all.map((machine) => new BullAdapter(queues.forMachine(machine.machineId))),
    );
  };

  app.use(
    QUEUE_BOARD_PATH,
    requireAdmin,
    (request: Request, response: Response, next: NextFunction) => {
      refreshQueues().then(() => next(), next);
    },
    serverAdapter.getRouter(),
  );
}

function requireAdmin(request: Request, response: Response, next: NextFunction): void {
  passport.authenticate(
    'jwt',
    { session: false },
    (error: unknown, user: AuthenticatedUser | false) => {
      if (error) return next(error);
      const browser = (request.headers.accept ?? '').includes('text/html');
      if (!user) {
        if (browser && request.method === 'GET') return response.redirect(302, '/admin/login');
        return refuse(
          response,
          401,
          'a valid admin token (bearer, or the session /admin/login sets) is required',
        );
      }
      if (user.role !== Role.Admin)
        return refuse(response, 403, 'the queue dashboard is for admins only');
      // Every project's queues: an admin of some projects is not an admin of them all.
      if (user.projects)
        return refuse(
          response,
          403,
          'the queue dashboard is for admins without project scope only',
        );
      next();
    },
  )(request, response, next);
}

function refuse(response: Response, status: 401 | 403, message: string): void {
  response
    .status(status)
    .json({ statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message });
}
