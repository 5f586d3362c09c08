import type { Kysely } from "kysely";
import { BroadcastsService } from "./broadcasts/broadcasts.service.js";
import { CampaignsService } from "./campaigns/campaigns.service.js";
import { CertificatesService } from "./certificates/certificates.service.js";
import type { Config } from "./config.js";
import type { Database } from "./db/types.js";
import { DocumentsService } from "./documents/documents.service.js";
import { ExportService } from "./export/export.service.js";
import { LibraryService } from "./library/library.service.js";
import { BatchDecisionService } from "./review/batch-decision.service.js";
import { CouncilService } from "./review/council.service.js";
import { DecisionService } from "./review/decision.service.js";
import { EndorsementService } from "./review/endorsement.service.js";
import { ScreeningService } from "./screening/screening.service.js";
import { StatsService } from "./stats/stats.service.js";
import { SubmissionsService } from "./submissions/submissions.service.js";
import { UnitsService } from "./units/units.service.js";
import { PersonalDataService } from "./users/personal-data.service.js";
import { RolesService } from "./users/roles.service.js";
import { UsersService } from "./users/users.service.js";

/** Every service the bot and the jobs use, built once from the database. */
export interface Services {
  users: UsersService;
  units: UnitsService;
  submissions: SubmissionsService;
  campaigns: CampaignsService;
  broadcasts: BroadcastsService;
  roles: RolesService;
  endorsement: EndorsementService;
  decisions: DecisionService;
  batchDecisions: BatchDecisionService;
  stats: StatsService;
  exports: ExportService;
  council: CouncilService;
  personalData: PersonalDataService;
  documents: DocumentsService;
  certificates: CertificatesService;
  library: LibraryService;
  screening: ScreeningService;
}

export function createServices(db: Kysely<Database>, config: Config): Services {
  return {
    users: new UsersService(db),
    units: new UnitsService(db),
    submissions: new SubmissionsService(db, {
      timezone: config.timezone,
      minShare: config.minAuthorShare,
      decisionDueMonths: config.decisionDueMonths,
    }),
    campaigns: new CampaignsService(db, config.timezone),
    broadcasts: new BroadcastsService(db),
    roles: new RolesService(db),
    endorsement: new EndorsementService(db),
    decisions: new DecisionService(db, { passMark: config.decisionPassMark }),
    batchDecisions: new BatchDecisionService(db, { passMark: config.decisionPassMark }),
    stats: new StatsService(db),
    exports: new ExportService(db, config.timezone),
    council: new CouncilService(db),
    personalData: new PersonalDataService(db),
    documents: new DocumentsService(db, config.documents),
    certificates: new CertificatesService(db, config.documents),
    library: new LibraryService(db, config.timezone),
    screening: new ScreeningService(db),
  };
}
