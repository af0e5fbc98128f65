/** Software as read from an inventory: the spelling findings name it by. */
export interface SoftwareRef {
  name: string;
  version?: string;
  publisher?: string;
  edition?: string;
}
