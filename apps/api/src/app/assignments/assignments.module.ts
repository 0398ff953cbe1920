import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProposalActionsService } from '../actions/proposal-actions.service';
import type { Repositories } from '@banli/persistence';
import { ProposalAccessService } from '../access/proposal-access.service';
import { REPOSITORIES } from '../database/database.module';
import { AssignmentSuggestionController } from './assignment-suggestion.controller';
import { AssignmentSuggestionService } from './assignment-suggestion.service';
import { BulkAssignmentController } from './bulk-assignment.controller';
import { BulkAssignmentService } from './bulk-assignment.service';

@Module({
  imports: [ActionsModule],
  controllers: [BulkAssignmentController, AssignmentSuggestionController],
  providers: [
    {
      provide: BulkAssignmentService,
      inject: [ProposalActionsService],
      useFactory: (actions: ProposalActionsService) => new BulkAssignmentService(actions),
    },
    {
      provide: AssignmentSuggestionService,
      inject: [ProposalAccessService, REPOSITORIES],
      useFactory: (access: ProposalAccessService, repos: Repositories) =>
        new AssignmentSuggestionService(access, repos.directory, repos.assignmentSuggestions),
    },
  ],
})
export class AssignmentsModule {}
