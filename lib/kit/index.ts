// Small helpers every layer may use; lib/kit imports nothing of the project.
export { Subscribable, Topics } from './subscribable';
