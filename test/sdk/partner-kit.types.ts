// Compile-time specification of the partner kit's callbacks, checked by `tsc -p .` (the first step
// of `npm test`): every `@ts-expect-error` line must fail to compile. Nothing here runs.
import { createPartnerKit, partnerOperationOf, type PartnerOperationId } from '../../src/sdk/index.ts';

export function partnerKitTypes() {
  createPartnerKit({
    verifyUser: ({ loginId, authToken, platId, appId, user }) => {
      const ids: [string, string, string | undefined, string | undefined] = [loginId, authToken, platId, appId];
      return ids.length > 0 && user.UserBase.loginID === loginId;
    },
    // 7.2.8: switching on DataType narrows DeviceStatus to the shape of that kind of report.
    onReport(report, { eventId, platId }) {
      const sender: [string | undefined, string | undefined] = [eventId, platId];
      switch (report.DataType) {
        case 'attr': {
          const power: 'True' | 'False' | undefined = report.DeviceStatus.onOffStatus;
          return void [sender, power];
        }
        case 'alarm': {
          const code: string = report.DeviceStatus.error;
          return void code;
        }
        case 'onOffline': {
          const online: 'True' | 'False' = report.DeviceStatus.onLine;
          // @ts-expect-error an online/offline notice carries no alarm code
          return void [online, report.DeviceStatus.error];
        }
        // @ts-expect-error DataType has the three values of table 50 only
        case 'status':
          return;
        default: {
          const unreachable: never = report;
          return unreachable;
        }
      }
    },
  });

  // @ts-expect-error verifyUser answers true or false, not a RetCode
  createPartnerKit({ verifyUser: () => '200', onReport: () => {} });
  // @ts-expect-error onReport is required
  createPartnerKit({ verifyUser: () => true });
  // @ts-expect-error the seen store claims and releases; a Set is not one
  createPartnerKit({ verifyUser: () => true, onReport: () => {}, seen: new Set<string>() });

  // beforeHandler is Express middleware; partnerOperationOf names one of the partner interfaces only.
  createPartnerKit({
    verifyUser: () => true,
    onReport: () => {},
    beforeHandler: (req, _res, next) => {
      const operationId: PartnerOperationId | undefined = partnerOperationOf(req);
      // @ts-expect-error 7.2.7 is an interface of the platform, not of the partner
      if (operationId === 'devices_op') return;
      next();
    },
  });
  // @ts-expect-error beforeHandler takes the request, not the report
  createPartnerKit({ verifyUser: () => true, onReport: () => {}, beforeHandler: (report: { DataType: string }) => void report });
}
