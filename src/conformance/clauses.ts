// The headings of the clauses the kit's checks prove, in the standard's words and in English, for
// the reports (a test keeps every clause a check names in this table).
export const clauseTitles: Readonly<Record<string, string>> = {
  '6.5.1': '参数结构 parameter structure',
  '6.5.2.1': '公共参数 common parameters',
  '6.5.2.3': '设备对象 the Device object',
  '6.6.1.2': '用户身份验证 user identity verification',
  '7.1': '用户管理接口 user management interfaces',
  '7.1.1': '用户登录 user login',
  '7.1.2': '用户退出登录 user logout',
  '7.1.3': '用户注销 user unregister',
  '7.1.4': '用户验证 user verify',
  '7.2.1': '设备绑定 device bind',
  '7.2.2': '设备解除绑定 device unbind',
  '7.2.3': '用户设备列表查询 user device list query',
  '7.2.4': '设备信息查询 device information query',
  '7.2.5': '设备信息修改 device information modify',
  '7.2.6': '设备状态查询 device status query',
  '7.2.7': '设备操作 device operation',
  '7.2.8': '设备状态上报 device status report',
};
