import { defineHostileScenarios } from './browser-scenarios';

defineHostileScenarios('chromium');
