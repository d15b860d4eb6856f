// Electron entry. All Electron wiring lives in main/electron; this file only starts it.
import './electron/main';
