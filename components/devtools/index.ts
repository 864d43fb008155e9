export { RealtimeDevtools } from './realtime-devtools';
