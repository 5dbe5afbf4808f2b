import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { decode } from 'jsonwebtoken';
import { Public, RequireRole } from '../auth/access-policy.decorators';
import { Role } from '@app/auth';
import { ADMIN_SESSION_COOKIE, ADMIN_SESSION_MAX_SECONDS } from './admin-session';
import { QUEUE_BOARD_PATH } from './queue-board';

const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>AISimulation · admin sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}
textarea{width:100%;height:8rem;font:13px monospace}button{font:inherit;padding:.4rem 1.2rem}
#message{color:#b00020}</style></head>
<body>
<h1>Queue dashboard</h1>
<p>Paste an admin access token (from <code>POST /auth/token</code>, or
<code>npm run token -- --role admin</code> in development). It is kept in an HttpOnly cookie
for <code>/admin</code> only, until the token expires (8 hours at most).</p>
<form id="login"><textarea id="token" required autocomplete="off" spellcheck="false"></textarea>
<p><button type="submit">Open the dashboard</button></p><p id="message" role="alert"></p></form>
<script src="/admin/login.js"></script>
</body></html>
`;

// Served as a file, not inline: the content security policy allows scripts from this origin only.
const LOGIN_SCRIPT = `document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  const answer = await fetch('/admin/session', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
  if (answer.status === 204) { location.assign('${QUEUE_BOARD_PATH}'); return; }
  const body = await answer.json().catch(() => ({}));
  document.getElementById('message').textContent = body.message || 'refused (' + answer.status + ')';
});
`;

@ApiTags('admin')
@Controller('admin')
export class AdminLoginController {
  @Get('login')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Sign-in page for the queue dashboard (/admin/queues), for browsers' })
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  loginPage(): string {
    return LOGIN_PAGE;
  }

  @Get('login.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @ApiOperation({
    summary: 'The sign-in page’s script (a file, as the content security policy wants)',
  })
  @ApiOkResponse({ content: { 'text/javascript': { schema: { type: 'string' } } } })
  loginScript(): string {
    return LOGIN_SCRIPT;
  }

  @Post('session')
  @RequireRole(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Open a browser session for the queue dashboard',
    description:
      'Sets an HttpOnly, SameSite=Strict cookie holding the admin bearer token sent, valid on ' +
      '/admin paths only, until the token expires (8 hours at most).',
  })
  @ApiNoContentResponse({ description: 'The session cookie is set.' })
  openSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const token = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const exp = (decode(token) as { exp?: number } | null)?.exp ?? 0;
    const seconds = Math.max(
      0,
      Math.min(ADMIN_SESSION_MAX_SECONDS, exp - Math.floor(Date.now() / 1000)),
    );
    response.cookie(ADMIN_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/admin',
      maxAge: seconds * 1000,
    });
  }

  @Delete('session')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Close the browser session (clears the cookie)' })
  @ApiNoContentResponse({ description: 'The session cookie is cleared.' })
  closeSession(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(ADMIN_SESSION_COOKIE, {
      path: '/admin',
      httpOnly: true,
      sameSite: 'strict',
    });
  }
}
