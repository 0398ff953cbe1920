export * from './lib/domain-error';
export * from './lib/proposal';
export * from './lib/registration';
export * from './lib/calendar/iso-date';
export * from './lib/calendar/working-day-calendar';
export * from './lib/calendar/deadline';
export * from './lib/deadline-policy/deadline-policy';
export * from './lib/handling';
