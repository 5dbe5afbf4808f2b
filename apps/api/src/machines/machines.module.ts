import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { MachinesController } from './machines.controller';

@Module({
  imports: [DomainModule],
  controllers: [MachinesController],
})
export class MachinesModule {}
