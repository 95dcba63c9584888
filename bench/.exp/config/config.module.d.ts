import { type DynamicModule } from '@nestjs/common';
import { type Config } from './config.js';
export declare class ConfigModule {
    static forRoot(config: Config): DynamicModule;
}
