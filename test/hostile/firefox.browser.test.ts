import { defineHostileScenarios } from './browser-scenarios';

defineHostileScenarios('firefox');
