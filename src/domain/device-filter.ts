// Clause 7.2.3: which of a user's devices a list request's filters select. The store carries this
// rule in SQL, so that a list reads only the rows it returns (filterSql in the store's
// repositories); test/store/device-filter.test.ts holds the two together.
import type { DeviceFilter, DeviceRecord, DeviceInfoFields } from './model.ts';

/** A device is selected by any one filter, and by a filter when it matches every field the filter
 * gives; no filter, or a filter that gives no field, selects every device. */
export function selects(filters: DeviceFilter[], device: DeviceRecord): boolean {
  return filters.length === 0 || filters.some((filter) => matches(filter, device));
}

function matches(filter: DeviceFilter, device: DeviceRecord): boolean {
  return Object.entries(filter).every(([field, value]) => {
    if (value === undefined) return true;
    // The device code the platform gives it, or its UDeviceID (the note to 7.2.1).
    if (field === 'deviceId') return device.deviceId === value || device.udeviceId === value;
    // A category + sub-category (5 digits) also matches every minor class under it.
    if (field === 'deviceType') return device.deviceType === value || (value.length === 5 && device.deviceType.slice(0, 5) === value);
    return device[field as keyof DeviceInfoFields] === value;
  });
}
