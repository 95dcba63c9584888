import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AttendanceModule } from './attendance/attendance.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { WeddingsModule } from './weddings/weddings.module.js';
import { OutreachModule } from './outreach/outreach.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BodiesModule } from './bodies/bodies.module.js';
import { loggingModule } from './common/logging/logging.module.js';
import type { Config } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { ElectionsModule } from './elections/elections.module.js';
import { TenantInterceptor } from './municipalities/tenant.interceptor.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { MunicipalitiesModule } from './municipalities/municipalities.module.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { PgThrottlerStorage } from './auth/pg-throttler-storage.js';
import { PdfModule } from './pdf/pdf.module.js';
import { PublishedModule } from './published/published.module.js';
import { ReaderModule } from './reader/reader.module.js';
import { StartModule } from './start/start.module.js';

@Module({})
export class AppModule {
  static forRoot(config: Config, orm: MikroORM, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        DatabaseModule.forRoot(orm, databaseUrl),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'login', limit: config.LOGIN_RATE_LIMIT, ttl: config.LOGIN_RATE_WINDOW_SECONDS * 1000 }],
          errorMessage: 'For mange innloggingsforsøk. Vent litt og prøv igjen.',
          // Counted in PostgreSQL, so the limit holds across API processes.
          storage: new PgThrottlerStorage(orm),
        }),
        AuditModule,
        JobsModule,
        PdfModule,
        MunicipalitiesModule,
        AuthModule,
        HealthModule,
        BodiesModule,
        ElectionsModule,
        DocumentsModule,
        MeetingsModule,
        PublishedModule,
        ReaderModule,
        StartModule,
        AttendanceModule,
        MinutesModule,
        WeddingsModule,
        OutreachModule,
        OpenApiModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantInterceptor },
      ],
    };
  }
}
