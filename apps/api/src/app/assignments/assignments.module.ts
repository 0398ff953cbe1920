import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProposalActionsService } from '../actions/proposal-actions.service';
import { BulkAssignmentController } from './bulk-assignment.controller';
import { BulkAssignmentService } from './bulk-assignment.service';

@Module({
  imports: [ActionsModule],
  controllers: [BulkAssignmentController],
  providers: [
    {
      provide: BulkAssignmentService,
      inject: [ProposalActionsService],
      useFactory: (actions: ProposalActionsService) => new BulkAssignmentService(actions),
    },
  ],
})
export class AssignmentsModule {}
