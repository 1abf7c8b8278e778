// DeviceInfo on the wire (table 11) from a device record.
import type { DeviceRecord } from '../../domain/model.ts';

export function deviceInfo(d: DeviceRecord) {
  return {
    deviceID: d.deviceId,
    ...(d.udeviceId ? { deviceIDType: 'vendor' as const } : {}),
    deviceType: d.deviceType,
    ...(d.model !== null ? { model: d.model } : {}),
    ...(d.manufacturer !== null ? { manufacturer: d.manufacturer } : {}),
    ...(d.brand !== null ? { brand: d.brand } : {}),
    ...(d.accessWay !== null ? { accessWay: d.accessWay } : {}),
    // Belongs to the binding, so 7.2.4 returns it as null (table 37).
    name: null,
  };
}
