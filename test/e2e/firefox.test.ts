import { defineScenarios } from './scenarios';

defineScenarios('firefox');
