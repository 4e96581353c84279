import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ReadReplica } from './read-replica.service';
import { TransactionRunner } from './transaction-runner';

/**
 * The one database connection, and the optional read replica; each domain lib registers its own
 * entities with forFeature.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1_000,
      }),
    }),
  ],
  providers: [TransactionRunner, ReadReplica],
  exports: [TransactionRunner, ReadReplica],
})
export class DatabaseModule {}
