import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ProjectsController } from './projects.controller';

@Module({ imports: [DomainModule], controllers: [ProjectsController] })
export class ProjectsModule {}
