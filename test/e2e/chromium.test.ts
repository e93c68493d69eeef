import { defineScenarios } from './scenarios';

defineScenarios('chromium');
