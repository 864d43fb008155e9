// react/: the provider that owns one runtime (connection + bridge + event bus) per tab, the hooks screens and the
// devtools read, and the one frame scheduler.
export { RealtimeProvider, type RealtimeProviderOptions, type RealtimeProviderProps } from './provider';
export {
  useRealtimeBridge,
  useRealtimeEvent,
  useRealtimeState,
  useRealtimeStatus,
  type RealtimeBridgeHandle,
  type RealtimeControls,
  type RealtimeStatus,
} from './provider';
export type { EventFilter, EventHandler, RealtimeSession } from './runtime';
export { scheduleFrame, type FrameOptions } from './frame-schedule';
