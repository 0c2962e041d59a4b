import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthContext } from '../../../../domain/auth-context';
import { ErrorResponseDto } from '../dtos/error.dto';
import {
  ListNotificationsQueryDto,
  NotificationPageResponseDto,
  NotificationResponseDto,
  ReadAllResponseDto,
  UnreadCountResponseDto,
  toNotificationResponse,
} from '../dtos/notification.dto';
import { CurrentAuth } from '../middleware/current-auth.decorator';
import { NotificationService } from '../services/notification.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('notifications')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly service: NotificationService) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'List your notifications', description: 'Terbaru lebih dulu.' })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.service.list(auth, { unreadOnly: query.unread === true, template: query.template, page, pageSize });
    return { items: items.map(toNotificationResponse), total, page, pageSize };
  }

  @Get('unread-count')
  @ApiOperation({ operationId: 'countUnreadNotifications', summary: 'Count your unread notifications', description: 'In all and per kind (templat).' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  async unreadCount(@CurrentAuth() auth: AuthContext): Promise<UnreadCountResponseDto> {
    return this.service.unreadCount(auth);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllResponseDto })
  async readAll(@CurrentAuth() auth: AuthContext): Promise<ReadAllResponseDto> {
    return { marked: await this.service.markAllRead(auth) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark a notification read', description: 'Waktu baca pertama yang dicatat.' })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Tidak ada, atau milik orang lain' })
  async read(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<NotificationResponseDto> {
    return toNotificationResponse(await this.service.markRead(auth, id));
  }
}
